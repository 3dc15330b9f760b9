// A real Bluesky PDS for the tests, with its own in-memory PLC directory, on 127.0.0.1.
// Run by tests/bluesky/server.py with Node 22 from the install folder (NODE_PATH points at its
// node_modules). Prints one JSON line {"pds": url, "plc": url} once both listen; stops on
// SIGTERM or when its stdin closes (the Python side died), so no server outlives the tests.
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(path.join(process.env.SMUGDESK_PDS_MODULES, 'x.js'))
const { PDS, envToCfg, envToSecrets, readEnv } = await import(
  require.resolve('@atproto/pds')
)
const plc = require('@did-plc/server')

const plcServer = plc.PlcServer.create({ db: plc.Database.mock(), port: 0 })
const plcHttp = await plcServer.start()
const plcUrl = `http://127.0.0.1:${plcHttp.address().port}`

process.env.PDS_DID_PLC_URL = plcUrl
const env = readEnv()
const pds = await PDS.create(envToCfg(env), envToSecrets(env))
await pds.start()

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await pds.destroy().catch(() => {})
  await plcServer.destroy().catch(() => {})
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()

process.stdout.write(
  JSON.stringify({ pds: `http://127.0.0.1:${env.port}`, plc: plcUrl }) + '\n',
)
