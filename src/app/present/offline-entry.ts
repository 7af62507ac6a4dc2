// Loaded before the app only in the single-file build (see src/build/variants.ts).
import files from 'virtual:sco-atlas/offline-data';
import { installOfflineData } from './offline-data';

installOfflineData(files);
