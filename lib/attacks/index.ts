export { generateAttacks, KID_SQL, KID_SQL_SECRET, KID_TRAVERSAL, NONE_SPELLINGS, type AttackInput, type AttackName, type AttackResult, type AttackVariant } from './attacks';
export { hmacSha256 } from './hmac';
