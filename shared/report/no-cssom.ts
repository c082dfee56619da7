// Stands in for cssomnom/parse in the report Lambda bundle (an esbuild alias in
// infra/bundle-options.ts). linkedom parses a <style> element's text into a CSSOM only
// when its `.sheet` is read, which neither Plot nor the report does; the real parser
// is a fifth of the bundle.
export function parse(): never {
  throw new Error('CSSOM parsing is left out of the report bundle');
}
