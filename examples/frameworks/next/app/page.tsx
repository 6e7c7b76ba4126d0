import { ConnectGitHub } from './connect-github';
import { SignIn } from './sign-in';

export default function Page() {
  return (
    <main>
      <h1>Next.js</h1>
      <ConnectGitHub />
      <SignIn />
    </main>
  );
}
