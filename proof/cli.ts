/**
 * `npx @lecoffre/proof verify <bundle.zip> [--tezos-rpc URL] [--tsa-ca PEM] [--qualified-tsa-ca PEM] [--json]`
 * (installed: `lecoffre-proof verify`):
 * checks a LeCoffre proof bundle with the same verifier as the SDK, prints a verdict per document in French
 * then English, and exits with the verdict: 0 valid (public anchor checked), 3 warning (nothing altered but
 * not fully proven: local-dev signature, anchor not checked or not final, version-1 bundle), 1 invalid
 * (altered, or not a proof bundle), 2 when the command itself is wrong (usage, file that cannot be opened).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeReport } from './describe-report.js';
import { verifyProofBundle } from './verify-proof-bundle.js';

const USAGE = `Utilisation / Usage:
  npx @lecoffre/proof verify <preuve.zip> [--tezos-rpc <URL>] [--tsa-ca <ca.pem>] [--qualified-tsa-ca <ca.pem>] [--json]
  (installé / installed: lecoffre-proof verify …)

  Vérifie une archive de preuve LeCoffre : chaque document, chaque chemin de Merkle, et avec --tezos-rpc,
  l'opération d'ancrage auprès d'un nœud Tezos (par ex. https://mainnet.tezos.ecadinfra.com).
  Verifies a LeCoffre proof bundle: every document, every Merkle path and, with --tezos-rpc, the anchoring
  operation against a Tezos node.
  --tsa-ca / --qualified-tsa-ca : racines de confiance de l'horodatage RFC 3161 (qualifiées : issues de la
  liste de confiance que vous retenez) / trust anchors for the RFC 3161 timestamp (qualified: from the trust
  list you rely on). Répétables / repeatable.

  Code de sortie / Exit code:
    0 valide / valid
    3 avertissement : rien d'altéré, mais preuve incomplète / warning: nothing altered, proof not complete
    1 invalide / invalid
    2 erreur d'utilisation / usage error`;

/** One exit code per verdict; 2 stays the usage error it always was. */
const EXIT_CODES = { valid: 0, warning: 3, invalid: 1 } as const;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, bundlePath, ...rest] = positionals;
  if (command !== 'verify' || !bundlePath || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  let zip: Uint8Array;
  try {
    zip = await readFile(bundlePath);
  } catch (error) {
    console.error(`Impossible de lire / Cannot read ${bundlePath}: ${(error as Error).message}`);
    return 2;
  }
  let anchors: { timestampTrustAnchors: string[]; qualifiedTimestampAnchors: string[] };
  try {
    const read = (files: string[] | undefined) => Promise.all((files ?? []).map((file) => readFile(file, 'utf8')));
    anchors = { timestampTrustAnchors: await read(values['tsa-ca']), qualifiedTimestampAnchors: await read(values['qualified-tsa-ca']) };
  } catch (error) {
    console.error(`Impossible de lire un certificat / Cannot read a certificate: ${(error as Error).message}`);
    return 2;
  }
  const report = await verifyProofBundle(zip, { tezosRpcUrl: values['tezos-rpc'], ...anchors });
  console.log(values.json ? JSON.stringify(report, null, 2) : describeReport(report).join('\n'));
  return EXIT_CODES[report.verdict];
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'tezos-rpc': { type: 'string' },
      'tsa-ca': { type: 'string', multiple: true },
      'qualified-tsa-ca': { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
