namespace DataOps.MockData.Generation;

/// <summary>Builds the type-specific (canonical) fields of one record. One instance per dataset, so it may keep per-dataset state.</summary>
internal interface IRecordBuilder
{
    /// <summary>The prefix of generated ids (<c>page</c>, <c>repo</c>, ...).</summary>
    string IdPrefix { get; }

    /// <summary>Sets the record's fields (id, url, timestamps and the mix field are set by the generator).</summary>
    void Build(RecordContext context);
}
