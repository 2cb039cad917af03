/**
 * For tests: walks the provider's development login and consent pages with fetch
 * and a cookie jar, as a browser would, until the provider redirects to the
 * client. Any user name and password are accepted by those pages.
 */

export interface LoginWalk {
  /** The URL the provider finally redirected to (the client's redirect URI with the answer). */
  redirect: string;
  /** The pages' forms that were submitted, by their prompt (login, consent). */
  prompts: string[];
}

/** Cookies by name; paths are ignored, the provider's names are unique per step. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const decodeHtml = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');

function formOf(html: string, base: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`No form on the page: ${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) fields[decodeHtml(name)] = decodeHtml(value);
  }
  return { action: new URL(decodeHtml(form[1]!), base).toString(), fields };
}

export async function walkLogin(authorizationUrl: string, clientRedirectPrefix: string, user = 'alice'): Promise<LoginWalk> {
  const jar = new CookieJar();
  const prompts: string[] = [];
  let request: { url: string; method: 'GET' | 'POST'; body?: string } = { url: authorizationUrl, method: 'GET' };
  for (let step = 0; step < 20; step++) {
    if (request.url.startsWith(clientRedirectPrefix)) return { redirect: request.url, prompts };
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(request.body !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }) },
      body: request.body,
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      request = { url: new URL(location, request.url).toString(), method: 'GET' };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status} at ${request.url}: ${html.slice(0, 500)}`);
    const { action, fields } = formOf(html, request.url);
    prompts.push(fields.prompt ?? '?');
    if (fields.prompt === 'login') Object.assign(fields, { login: user, password: 'any password' });
    request = { url: action, method: 'POST', body: new URLSearchParams(fields).toString() };
  }
  throw new Error('The provider never redirected to the client');
}
