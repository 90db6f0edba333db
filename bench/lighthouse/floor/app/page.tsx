import { Composer } from "./composer";

export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <h1>Ask anything</h1>
      <Composer />
    </main>
  );
}
