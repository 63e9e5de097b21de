using DataOps.Functions.Staging;

namespace DataOps.Functions.Provisioning;

/// <summary>The records one population attempt pushes and their staged copy.</summary>
/// <param name="Records">The records, as staged.</param>
/// <param name="Copy">The staged copy.</param>
/// <param name="Reused">Whether the copy was there already (written by an earlier execution of the attempt).</param>
internal sealed record StagedPopulation(IReadOnlyList<IReadOnlyDictionary<string, object?>> Records, StagedCopy Copy, bool Reused);
