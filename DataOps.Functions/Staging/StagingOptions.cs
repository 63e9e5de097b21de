namespace DataOps.Functions.Staging;

/// <summary>Where the staged copies of populated datasets go (configuration section <c>DataOps:Staging</c>).</summary>
public sealed class StagingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "DataOps:Staging";

    /// <summary>Blob container of the staged copies.</summary>
    public string ContainerName { get; set; } = "dataset-staging";
}
