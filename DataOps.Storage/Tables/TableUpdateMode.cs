namespace DataOps.Storage.Tables;

/// <summary>How an update or upsert treats properties that the stored entity has and the new one lacks.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep them: only the given properties are written (MERGE).</summary>
    Merge,

    /// <summary>Drop them: the entity is replaced as a whole (PUT).</summary>
    Replace,
}
