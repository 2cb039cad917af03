import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteHeader } from '@/components/shell/SiteHeader';

export const metadata: Metadata = { title: 'Why tokens never leave your browser · JWT Workbench' };

export default function PrivacyPage() {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl px-4 py-8 leading-relaxed">
        <h1 className="mb-4 text-2xl font-semibold">Why your tokens never leave your browser</h1>
        <p className="mb-4">
          A JSON Web Token is a credential: whoever holds it can often act as you. JWT Workbench is built so that what
          you paste stays on your device, and so that you do not have to take our word for it.
        </p>
        <h2 className="mb-2 mt-6 text-xl font-semibold">What the page does</h2>
        <ul className="mb-4 list-disc space-y-2 pl-6">
          <li>
            The site is static files. There is no server code, no API and no analytics: decoding, verifying, signing
            and key generation run in this page with your browser&apos;s WebCrypto.
          </li>
          <li>
            Share links keep their state after the <code>#</code> of the address. Browsers never send that part to a
            server. A link with <code>?token=</code> in the query string is read and removed from the address bar at
            once, and the page warns you that such a link reaches servers and logs.
          </li>
          <li>
            Tokens and keys are not written to cookies or browser storage. Only your theme choice is remembered.
          </li>
          <li>
            The only request the page can make to another site is fetching a JSON Web Key Set, when you click the
            button to fetch it. That request carries the address you typed and nothing else.
          </li>
        </ul>
        <h2 className="mb-2 mt-6 text-xl font-semibold">How to check it yourself</h2>
        <ul className="mb-4 list-disc space-y-2 pl-6">
          <li>
            Open your browser&apos;s developer tools on the Network tab, paste a token and key, and watch: every
            request goes to this site&apos;s own origin, and none carries your token.
          </li>
          <li>
            Look at the <code>Content-Security-Policy</code> response header (or the matching <code>&lt;meta&gt;</code>{' '}
            tag): scripts may only come from this origin, and the page may only connect to this origin and to key-set
            addresses you ask for. The browser itself enforces it.
          </li>
          <li>
            The project&apos;s end-to-end tests run a whole session in a real browser, record every request, and fail
            if any goes elsewhere or contains the token or key.
          </li>
        </ul>
        <p>
          <Link href="/" className="underline underline-offset-2">
            Back to the debugger
          </Link>
        </p>
      </main>
    </>
  );
}
