using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>Finish a teardown: ARCHIVED and claims released.</summary>
public sealed record CompleteTeardownInput(DatasetId DatasetId, string ArchiveLocation);
