namespace DataOps.Storage.Internal;

/// <summary>Which REST API a pipeline talks to; selects the Shared Key string-to-sign format.</summary>
internal enum StorageServiceKind
{
    Blob,
    Queue,
    Table,
}
