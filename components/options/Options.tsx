import { About } from './About';

export function Options() {
  return (
    <main>
      <h1>Yuedu options</h1>
      <About />
    </main>
  );
}
