namespace DataOps.Glean.Model;

/// <summary>The outcome of one population: the upload session, how many documents went in how many pages.</summary>
/// <param name="UploadId">The bulk-upload session id, deterministic from the dataset id and attempt.</param>
/// <param name="DocumentCount">Documents sent.</param>
/// <param name="PageCount">Pages sent (at least one, even for zero documents).</param>
/// <param name="RestartedEarlierUpload">True when an unfinished upload of the same dataset had to be restarted.</param>
/// <param name="Duration">Time from the first page to the answer to the last.</param>
public sealed record PopulationResult(string UploadId, int DocumentCount, int PageCount, bool RestartedEarlierUpload, TimeSpan Duration);
