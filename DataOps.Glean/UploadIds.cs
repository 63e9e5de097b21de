namespace DataOps.Glean;

/// <summary>
/// Upload ids are derived, not random, so a repeated activity uses the same one and an unfinished upload of
/// the same dataset can be recognised (and restarted) by its prefix.
/// </summary>
internal static class UploadIds
{
    /// <summary>The prefix shared by every upload of a dataset.</summary>
    public static string Prefix(string datasetId) => $"dataops-{datasetId}-";

    /// <summary>The upload of population attempt <paramref name="attempt"/>.</summary>
    public static string Population(string datasetId, int attempt) => $"{Prefix(datasetId)}{attempt}";

    /// <summary>The upload of a scheduled sync: revision <paramref name="revision"/> of attempt <paramref name="attempt"/>.</summary>
    public static string Resync(string datasetId, int attempt, int revision) => $"{Prefix(datasetId)}{attempt}-sync-{revision}";

    /// <summary>The final, emptying upload.</summary>
    public static string Retirement(string datasetId) => $"{Prefix(datasetId)}retire";
}
