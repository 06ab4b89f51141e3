import { browser } from 'wxt/browser';

export function About() {
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">About Yuedu</h2>
      <p>Version {browser.runtime.getManifest().version}.</p>
      <p>
        Dictionary data: <a href="https://cc-cedict.org/">CC-CEDICT</a>, by MDBG and its contributors, licensed under{' '}
        <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.
      </p>
      <p>
        HSK 3.0 word list: <a href="https://github.com/ivankra/hsk30">ivankra/hsk30</a>, MIT licence.
      </p>
      <p>Privacy: Yuedu sends nothing over the network. Your words and reviews stay in this browser.</p>
    </section>
  );
}
