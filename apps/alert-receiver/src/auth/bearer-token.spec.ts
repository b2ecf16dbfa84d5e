import { bearerToken, secretsMatch } from './bearer-token.js';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
  ])('reads the token of %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'abc', 'Basic YWJjOmRlZg==', 'Bearer', 'Bearer a b'])('finds no token in %j', (header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});

describe('secretsMatch', () => {
  it('matches only the same secret, whatever the lengths', () => {
    expect(secretsMatch('s3cret', 's3cret')).toBe(true);
    expect(secretsMatch('s3cres', 's3cret')).toBe(false);
    expect(secretsMatch('s3cret-and-more', 's3cret')).toBe(false);
    expect(secretsMatch('', 's3cret')).toBe(false);
  });
});
