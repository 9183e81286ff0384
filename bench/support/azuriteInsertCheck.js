/**
 * Preloaded (NODE_OPTIONS=--require) into the Azurite child of the benchmark sections that write a
 * long history before they measure (jobs, views, digests); see startBulkAzurite in azurite.ts.
 *
 * Azurite 3.35 checks that an inserted entity does not exist yet with
 * collection.findOne({ PartitionKey, RowKey }). LokiJS applies the conditions in the order given:
 * its PartitionKey index yields every row of the partition, which it then scans for the RowKey, so
 * each insert costs the size of its partition and filling a unit with 10,000 ideas of history
 * takes many minutes. Here that one check asks for RowKey first (LokiJS's RowKey index yields the
 * few rows with that key, one per partition that has it) and then PartitionKey: the same answer.
 * Nothing else is changed: queries still scan the whole table, point reads, updates and deletes
 * are Azurite's own.
 */
'use strict';
const { default: LokiTableMetadataStore } = require('azurite/dist/src/table/persistence/LokiTableMetadataStore');

const insert = LokiTableMetadataStore.prototype.insertTableEntity;
LokiTableMetadataStore.prototype.insertTableEntity = function (context, table, account, entity, batchId) {
  const collection = this.getEntityCollection(account, table, context);
  const findOne = collection.findOne;
  collection.findOne = function (query) {
    const keys = query && Object.keys(query);
    if (keys && keys.length === 2 && keys[0] === 'PartitionKey' && keys[1] === 'RowKey') return findOne.call(this, { RowKey: query.RowKey, PartitionKey: query.PartitionKey });
    return findOne.call(this, query);
  };
  try {
    // The check runs before the first await of Azurite's async insert, so it is inside this call.
    return insert.call(this, context, table, account, entity, batchId);
  } finally {
    delete collection.findOne;
  }
};
