// The decoder's optional panels, in one module requested after Monaco: none of
// them is needed to show a decoded token, and one module means one loader in
// the first JavaScript instead of one per panel.
export { CheckAsOf } from './CheckAsOf';
export { OidcChecks } from './OidcChecks';
export { NestedToken } from './NestedToken';
export { TokenLab } from '@/components/lab/TokenLab';
