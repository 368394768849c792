import { engines } from './engines'
import { runStorageContract } from './storage-contract'

for (const engine of engines()) runStorageContract(engine)
