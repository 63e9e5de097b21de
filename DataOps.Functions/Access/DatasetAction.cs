namespace DataOps.Functions.Access;

/// <summary>What a request does to one dataset, as far as access goes.</summary>
public enum DatasetAction
{
    /// <summary>Read it: its record, timeline, archive, orchestrations.</summary>
    Read,

    /// <summary>Revalidate or retry it: an Engineer of its client may.</summary>
    Work,

    /// <summary>Tear it down, cancel, extend or terminate its teardown: operators only.</summary>
    Operate,
}
