// Which way dependencies may point (ARCHITECTURE.md, "Dependency rule"), checked by `npm run lint`.
// Every rule is an error: the count must stay at zero. Paths are relative to the repository root.

/** Tests, their support files and the benchmarks may import anything: they wire real parts together. */
// Tests, and the harnesses that drive the product as a whole (pack:check installs the packages and
// builds a real proof bundle), may import anything.
const TESTS =
  '(\\.test|\\.test-support|\\.fixture)\\.ts$|(^|/)test-(helpers|fixtures)\\.ts$|/type-tests/|^(test|bench)/|^scripts/pack-check/';

/** The published packages and the private apps, each its own npm workspace. */
const PACKAGES = '^(api|sdk|widgets|proof|demo-host)/';

/** Node's HTTP servers and clients: the web edge belongs to api/http, outbound calls to adapters. */
const NODE_HTTP = '^(node:)?(http|https|http2)$';

/** npm packages that speak to the network or the database. */
const IO_PACKAGES =
  'express|@types/express|sequelize|pg|pg-boss|umzug|helmet|nodemailer|@aws-sdk/[^/]+|@taquito/[^/]+|openid-client|oidc-provider|pino|pino-http';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'api/domain holds the pure rules (ids, states, text folding, Merkle trees): no I/O, no framework, ' +
        'nothing else of the repository, so every layer and every test can use it as is.',
      severity: 'error',
      from: { path: '^api/domain/', pathNot: TESTS },
      to: { pathNot: ['^api/domain/', '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-no-io',
      comment:
        'Pure libraries (ibantools, libphonenumber-js) are fine in the rules; web, database and job ' +
        'frameworks, and the Node built-ins that do I/O, are not (node:net stays allowed for its pure ' +
        'address arithmetic, BlockList and isIP, in address-policy.ts).',
      severity: 'error',
      from: { path: '^api/domain/', pathNot: TESTS },
      to: {
        path: [
          `(^|/)node_modules/(${IO_PACKAGES})/`,
          '^(node:)?(fs|fs/promises|http|https|http2|dgram|child_process|cluster|dns|tls|worker_threads)$',
        ],
      },
    },
    {
      name: 'services-no-edges',
      comment:
        'Use cases see the world through ports: never an adapter (the composition root picks those), never ' +
        'Express, api/http or Node HTTP (so jobs, scripts and tests run them without a web server).',
      severity: 'error',
      from: { path: '^api/services/', pathNot: TESTS },
      to: {
        path: ['^api/(adapters|http|jobs)/', '^api/(app|main|composition)\\.ts$', '(^|/)node_modules/(express|@types/express)/', NODE_HTTP],
      },
    },
    {
      name: 'adapters-no-services',
      comment:
        'Adapters implement ports and know nothing of the use cases: a type both sides need lives in ' +
        'api/ports (or a pure rule in api/domain), never in services.',
      severity: 'error',
      from: { path: '^api/adapters/', pathNot: TESTS },
      to: { path: '^api/(services|http|jobs)/' },
    },
    {
      name: 'adapters-chosen-once',
      comment:
        'api/composition.ts is the one place that decides which adapter serves which port (main.ts, ' +
        'app.ts, the jobs, the dev routes and the test app all ask it): swapping storage, SMS or the ' +
        'anchor is a change to one file.',
      severity: 'error',
      from: { pathNot: [TESTS, '^api/adapters/', '^api/composition\\.ts$'] },
      to: { path: '^api/adapters/' },
    },
    {
      name: 'packages-never-import-api',
      comment:
        'The SDK, the widgets, the proof verifier and the demo host speak HTTP to the API: they ship to ' +
        'vendors and browsers, the API does not.',
      severity: 'error',
      from: { path: '^(sdk|widgets|proof|demo-host)/', pathNot: TESTS },
      to: { path: '^api/' },
    },
    {
      name: 'widgets-use-sdk-entry',
      comment:
        "The widgets are the SDK's first customer: they use its public entry (@lecoffre/sdk) only, so " +
        'what they need is what vendors get, and the SDK may reshape its internals freely.',
      severity: 'error',
      from: { path: '^widgets/', pathNot: TESTS },
      to: { path: '^sdk/', pathNot: '^sdk/index\\.ts$' },
    },
    {
      name: 'no-relative-cross-package',
      comment:
        'A package reaches another only by its published name (@lecoffre/…), never by a relative path ' +
        "into the other's folders: that path would not exist once published, and it skips the public entry.",
      severity: 'error',
      from: { path: PACKAGES, pathNot: TESTS },
      // scripts/widget-entries.mjs is build configuration, not a package: the list of hosted bundles that
      // rollup and the API's development bundler both read.
      to: {
        pathNot: ['^$1/', '(^|/)node_modules/', '^scripts/widget-entries\\.mjs$'],
        dependencyTypes: ['local'],
        dependencyTypesNot: ['aliased'],
      },
    },
    {
      name: 'api-no-cycles',
      comment: 'A cycle in the API makes load order matter and layers blur; break it with a port or a smaller module.',
      severity: 'error',
      from: { path: '^api/' },
      to: { circular: true },
    },
  ],
  options: {
    // node_modules is not cruised (doNotFollow) but stays in the graph, so edges to express or pg are seen.
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)dist/' },
    // tsconfig.json maps @lecoffre/* to the sources, so package-to-package edges are seen and checked.
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type from the wrong layer couples the layers as much as a value.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
