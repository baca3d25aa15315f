import { createDynamoMaterialStore } from '@ey/dynamodb'
import { createTestTable } from '../support/dynamo.ts'
import { describeMaterialContract } from '../support/material-contract.ts'

const table = createTestTable()

describeMaterialContract('the DynamoDB material store', async () => createDynamoMaterialStore(await table))
