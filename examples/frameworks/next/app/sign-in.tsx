'use client';
import { useEffect, useState } from 'react';
import { isSignedIn, signIn } from '@outbound-examples/host';

/** The demo user's sign-in, shown once the page knows it has no session (after hydration). */
export function SignIn() {
  const [signedIn, setSignedIn] = useState<boolean>();
  useEffect(() => setSignedIn(isSignedIn()), []);
  if (signedIn !== false) return null;
  return <button id="signin" onClick={() => signIn().then(() => setSignedIn(true))}>Sign in as the demo user</button>;
}
