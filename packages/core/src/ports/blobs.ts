/** The blobs port: where attachment bytes live (the file system in production, memory in tests). */
export interface Blobs {
  /** Stores new bytes under a fresh key; fails if the key exists. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
}
