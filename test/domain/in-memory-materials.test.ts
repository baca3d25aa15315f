import { createInMemoryMaterialStore } from '../support/in-memory-materials.ts'
import { describeMaterialContract } from '../support/material-contract.ts'

describeMaterialContract('the in-memory material store', async () => createInMemoryMaterialStore())
