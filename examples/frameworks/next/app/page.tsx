import { ConnectGitHub } from './connect-github';

export default function Page() {
  return (
    <main>
      <h1>Next.js</h1>
      <ConnectGitHub />
    </main>
  );
}
