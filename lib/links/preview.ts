// What a share link shows at first paint, before the page's own JavaScript has
// loaded: the token of the link's fragment, decoded just enough to print its
// header, its payload and its claims (time claims with their dates). The
// boot script (components/share/link-preview-script.ts) inlines this function
// by its source text, so it must stay self-contained: no imports, no helpers
// outside its body, nothing that can throw out of it.

/** Above this many characters of token the preview is skipped: the page opens the link as before. */
export const PREVIEW_MAX_TOKEN_CHARS = 64 * 1024;

export interface PreviewRow {
  name: string;
  where: 'header' | 'payload';
  /** The value as text (strings as they are, anything else as JSON), cut at 300 characters. */
  value: string;
  /** For a time claim: its ISO-8601 UTC date and what it means now ("valid for 59 more minutes (in 59 minutes)"). */
  time: { iso: string; relative: string } | null;
}

export interface LinkPreview {
  token: string;
  /** Pretty-printed JSON, exactly as the decoder prints it (two spaces). */
  header: string;
  payload: string;
  rows: PreviewRow[];
  /** Rows left out past the decoder's own limit (200). */
  moreRows: number;
  /** The link's `at`, as the app reads it (lib/links/instant.ts), in ISO form: the times are judged as of then. Null when absent or not a valid date-time. */
  asOf: string | null;
  /** The language the preview speaks (the visit's, as the language boot script chose it; English when unknown). */
  language: string;
  /** The few labels painted around the token, in that language. */
  labels: PreviewLabels;
}

export interface PreviewLabels {
  encoded: string;
  header: string;
  payload: string;
  claims: string;
  /** The tag beside a row from the header, and beside a claim. */
  headerTag: string;
  claimTag: string;
  /** With `at`: the judged instant ("Judged as of 2026-01-16T12:00:00Z") and what follows it (" (UTC), not now."). */
  asOf: string | null;
  asOfRest: string;
  /** Past the row limit: "55 more entries.". */
  more: string | null;
}

/**
 * The preview of a link (a whole URL), as of `now` (ms since 1970) unless the
 * link's `at` says otherwise, in `language` (a tag of lib/i18n/locales.ts, the
 * `data-language` the language boot script put on <html>; English otherwise);
 * null when the link carries no compact JWS whose header and payload are JSON
 * objects, asks for the encoder, or is too long. Never throws.
 */
export function previewOfLink(href: string, now: number, language?: string | null): LinkPreview | null {
  try {
    // The page's own catalogs are not loaded yet: the preview's few words come with it.
    // Each other language: labels (as the decoder's own view words them), then time statuses around a relative time `{r}` that
    // Intl.RelativeTimeFormat words (English keeps the claims table's exact words, below).
    const table: Record<string, [string, string, string, string, string, string, string, string, string, string[]]> = {
      ja: ['エンコードされたトークン', 'ヘッダー', 'ペイロード', 'クレームの説明', 'ヘッダー', 'クレーム', '{at} の時点で判定', '（UTC、現在ではありません）。', 'ほか {n} 件。',
        ['期限切れ（{r}）', '有効（{r}に期限切れ）', 'まだ無効（{r}に有効）', '有効（{r}から）', '発行日時が未来（{r}）', '{r}に発行', '認証日時が未来（{r}）', '{r}に認証']],
      'zh-Hans': ['编码后的令牌', '标头', '载荷', '声明说明', '标头', '声明', '按 {at} 判断', '（UTC），而不是现在。', '另有 {n} 项。',
        ['已过期（{r}）', '有效（{r}过期）', '尚未生效（{r}生效）', '有效（自{r}起）', '颁发时间在未来（{r}）', '颁发于{r}', '认证时间在未来（{r}）', '认证于{r}']],
      ko: ['인코딩된 토큰', '헤더', '페이로드', '클레임 설명', '헤더', '클레임', '{at} 기준으로 판단', '(UTC, 지금이 아님).', '외 {n}개 항목.',
        ['만료됨({r})', '유효함({r} 만료)', '아직 유효하지 않음({r} 유효)', '유효함({r}부터)', '발급 시간이 미래임({r})', '{r} 발급', '인증 시간이 미래임({r})', '{r} 인증']],
      es: ['Token codificado', 'Encabezado', 'Carga útil', 'Notificaciones explicadas', 'encabezado', 'notificación', 'Evaluado a fecha de {at}', ' (UTC), no ahora.', '{n} entradas más.',
        ['caducó {r}', 'válido, caduca {r}', 'aún no es válido (lo será {r})', 'válido, en vigor desde {r}', 'emitido en el futuro ({r})', 'emitido {r}', 'la hora de autenticación está en el futuro ({r})', 'autenticado {r}']],
      'pt-BR': ['Token codificado', 'Cabeçalho', 'Payload do token', 'Declarações explicadas', 'cabeçalho', 'declaração', 'Avaliado na data de {at}', ' (UTC), não agora.', 'Mais {n} entradas.',
        ['expirou {r}', 'válido, expira {r}', 'ainda não é válido (será {r})', 'válido, passou a valer {r}', 'emitido no futuro ({r})', 'emitido {r}', 'horário de autenticação no futuro ({r})', 'autenticado {r}']],
      de: ['Kodiertes Token', 'Header', 'Payload', 'Claims erklärt', 'Header', 'Claim', 'Beurteilt zum Zeitpunkt {at}', ' (UTC), nicht jetzt.', '{n} weitere Einträge.',
        ['{r} abgelaufen', 'gültig, läuft {r} ab', 'noch nicht gültig (gültig {r})', 'gültig, {r} wirksam geworden', 'Ausstellung in der Zukunft ({r})', '{r} ausgestellt', 'Authentifizierungszeit in der Zukunft ({r})', '{r} authentifiziert']],
      fr: ['Jeton encodé', 'En-tête', 'Charge utile', 'Revendications expliquées', 'en-tête', 'revendication', 'Évalué à la date du {at}', ' (UTC), pas maintenant.', '{n} entrées de plus.',
        ['expiré {r}', 'valide, expire {r}', 'pas encore valide (le sera {r})', 'valide, en vigueur {r}', 'émis dans le futur ({r})', 'émis {r}', 'heure d’authentification dans le futur ({r})', 'authentifié {r}']],
    };
    const lang = typeof language === 'string' && Object.prototype.hasOwnProperty.call(table, language) ? language : 'en';
    const words = lang === 'en' ? null : table[lang]!;
    const fill = (text: string, name: string, value: string) => text.split(`{${name}}`).join(value);

    const maxChars = 65536;
    const hashAt = href.indexOf('#');
    if (hashAt < 0) return null;
    const fragment = href.slice(hashAt + 1);
    // Percent-encoding at most triples a token; a link much longer than that holds more than a previewable token.
    if (fragment.length > maxChars * 3 + 4096) return null;
    let token: string | null = null;
    let at: string | null = null;
    if (/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}$/.test(fragment)) {
      token = fragment;
    } else {
      const legacy = fragment.indexOf('debugger-io?') === 0;
      const params = new URLSearchParams(legacy ? fragment.slice('debugger-io?'.length) : fragment);
      if (params.get('mode') === 'encode') return null;
      token = params.get('token') || (legacy ? null : params.get('id_token') || params.get('access_token') || params.get('value'));
      at = params.get('at');
    }
    if (!token) return null;
    token = token.trim();
    if (token.length > maxChars || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) return null;

    const decode = (segment: string): Record<string, unknown> | null => {
      if (segment.length % 4 === 1) return null;
      const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((segment.length + 3) % 4));
      const bytes = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) return null;
      const value: unknown = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    };
    const parts = token.split('.');
    const header = decode(parts[0] ?? '');
    const payload = decode(parts[1] ?? '');
    if (!header || !payload) return null;

    // `at` is read exactly as lib/links/instant.ts parseInstant reads it (a copy: this function must stand alone).
    const instant = (text: string): number | undefined => {
      const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text.trim());
      if (!match) return undefined;
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = Number(match[3]);
      const hour = Number(match[4] ?? '00');
      const minute = Number(match[5] ?? '00');
      const second = Number(match[6] ?? '00');
      const fraction = match[7] ?? '';
      const zone = match[8] ?? 'Z';
      if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
      const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
      if (new Date(utc).getUTCDate() !== day) return undefined;
      let offsetMinutes = 0;
      if (zone.toUpperCase() !== 'Z') {
        const digits = zone.slice(1).replace(':', '');
        const hours = Number(digits.slice(0, 2));
        const minutes = Number(digits.slice(2) || '0');
        if (hours > 23 || minutes > 59) return undefined;
        offsetMinutes = (zone.charAt(0) === '-' ? -1 : 1) * (hours * 60 + minutes);
      }
      const ms = utc - offsetMinutes * 60000;
      return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
    };
    const atTime = at ? instant(at) : undefined;
    const nowMs = atTime !== undefined ? atTime : now;
    const units: [string, number, number][] = [
      ['second', 1, 60],
      ['minute', 60, 60],
      ['hour', 3600, 24],
      ['day', 86400, 30],
      ['month', 2629800, 12],
      ['year', 31557600, Infinity],
    ];
    const span = (seconds: number) => {
      const abs = Math.abs(seconds);
      for (const [unit, size, limit] of units) {
        const count = Math.round(abs / size);
        if (count < limit) return { count, unit, text: `${count} ${unit}${count === 1 ? '' : 's'}` };
      }
      return { count: 0, unit: 'year', text: '' };
    };
    const timeOf = (name: string, value: number): PreviewRow['time'] => {
      const delta = value - nowMs / 1000;
      const s = span(delta);
      const tense = s.count === 0 && s.unit === 'second' ? 'now' : delta > 0 ? 'future' : 'past';
      const iso = new Date(value * 1000).toISOString().replace('.000Z', 'Z');
      if (words) {
        const r = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(delta > 0 ? s.count : -s.count, s.unit as Intl.RelativeTimeFormatUnit);
        const statuses = words[9];
        const past = tense !== 'future';
        const pick: Record<string, string | undefined> = { exp: statuses[delta <= 0 ? 0 : 1], nbf: statuses[past ? 3 : 2], iat: statuses[past ? 5 : 4], auth_time: statuses[past ? 7 : 6] };
        const template = pick[name];
        return { iso, relative: template ? fill(template, 'r', r) : r };
      }
      const relative = tense === 'now' ? 'now' : tense === 'future' ? `in ${s.text}` : `${s.text} ago`;
      const since = tense === 'now' ? 'just now' : relative;
      let status = relative;
      if (name === 'exp') {
        status = delta <= 0 ? `expired ${since}` : tense === 'now' ? 'valid for less than a second more' : `valid for ${s.count} more ${s.count === 1 ? s.unit : `${s.unit}s`}`;
      } else if (name === 'nbf') {
        status = tense === 'future' ? `not valid for another ${s.text}` : `valid since ${since}`;
      } else if (name === 'iat') {
        status = tense === 'future' ? `issued in the future (${relative})` : `issued ${since}`;
      } else if (name === 'auth_time') {
        status = tense === 'future' ? `authentication time is in the future (${relative})` : `authenticated ${since}`;
      }
      return { iso, relative: status.indexOf(relative) >= 0 ? status : `${status} (${relative})` };
    };
    const looksLikeTime = (name: string, value: unknown): value is number => {
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e11) return false;
      if (name === 'exp' || name === 'nbf' || name === 'iat' || name === 'auth_time' || name === 'updated_at') return true;
      if (/(_at|_time|At|Time|time)$/.test(name) && !/(life|up|run)time$/i.test(name)) return true;
      return Number.isInteger(value) && value >= 946684800 && value < 4102444800;
    };

    const rowLimit = 200;
    const entries: [string, unknown, 'header' | 'payload'][] = [];
    for (const name of Object.keys(header)) entries.push([name, header[name], 'header']);
    for (const name of Object.keys(payload)) entries.push([name, payload[name], 'payload']);
    const rows: PreviewRow[] = entries.slice(0, rowLimit).map(([name, value, where]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return {
        name,
        where,
        value: text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text,
        time: looksLikeTime(name, value) ? timeOf(name, value) : null,
      };
    });
    const asOf = atTime !== undefined ? new Date(atTime).toISOString() : null;
    const moreRows = entries.length - rows.length;
    const label = words ?? ['Encoded token', 'Header', 'Payload', 'Claims explained', 'header', 'claim', 'Judged as of {at}', ' (UTC), not now.', '{n} more entries.', []];
    return {
      token,
      header: JSON.stringify(header, null, 2),
      payload: JSON.stringify(payload, null, 2),
      rows,
      moreRows,
      asOf,
      language: lang,
      labels: {
        encoded: label[0],
        header: label[1],
        payload: label[2],
        claims: label[3],
        headerTag: label[4],
        claimTag: label[5],
        asOf: asOf === null ? null : fill(label[6], 'at', asOf.replace('.000Z', 'Z')),
        asOfRest: label[7],
        more: moreRows > 0 ? fill(label[8], 'n', new Intl.NumberFormat(lang).format(moreRows)) : null,
      },
    };
  } catch {
    return null;
  }
}
