namespace DataOps.Functions.Archive;

/// <summary>Where dataset archives go and how long they stay (configuration section <c>DataOps:Archive</c>).</summary>
public sealed class ArchiveOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "DataOps:Archive";

    /// <summary>Blob container of the archives.</summary>
    public string ContainerName { get; set; } = "dataset-archives";

    /// <summary>How long an archive is kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How many records the sample keeps.</summary>
    public int SampleSize { get; set; } = 100;
}
