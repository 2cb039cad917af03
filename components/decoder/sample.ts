/** What a first-time visitor sees: an HS256 token and the secret that verifies it. */
export const SAMPLE_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSBMb3ZlbGFjZSIsImVtYWlsIjoiYWRhQGV4YW1wbGUuY29tIiwicm9sZXMiOlsiYWRtaW4iLCJhdWRpdG9yIl0sImlzcyI6Imh0dHBzOi8vYXV0aC5leGFtcGxlLmNvbSIsImF1ZCI6ImFwaTovL3dvcmtiZW5jaC1kZW1vIiwiaWF0IjoxNzY0MjAxNjAwLCJleHAiOjE5MjQ5MDU2MDB9.v2x2kzRdMnt7gKdtlnr3TuGxcLVq9kXkxdnHZltgzn8';

export const SAMPLE_SECRET = 'a-string-secret-at-least-256-bits-long';
