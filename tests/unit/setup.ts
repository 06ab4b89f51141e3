// Dexie finds IndexedDB on the global object; fake-indexeddb gives every test file an in-memory one.
import 'fake-indexeddb/auto';
