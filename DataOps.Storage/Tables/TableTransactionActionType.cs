namespace DataOps.Storage.Tables;

/// <summary>The operation of one action in an entity-group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; the transaction fails if the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity (ETag condition, <see cref="Azure.ETag.All"/> by default).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (ETag condition, <see cref="Azure.ETag.All"/> by default).</summary>
    UpdateReplace,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Delete (ETag condition, <see cref="Azure.ETag.All"/> by default); the transaction fails if absent.</summary>
    Delete,
}
