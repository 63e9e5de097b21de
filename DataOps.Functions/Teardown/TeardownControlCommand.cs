using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>An operator cancels a dataset's teardown, or extends its grace period, while it can still be undone.</summary>
/// <param name="DatasetId">The dataset whose teardown it is.</param>
/// <param name="Control">What to do, and why.</param>
public sealed record TeardownControlCommand(DatasetId DatasetId, TeardownControl Control)
{
    /// <summary>The most a single extension adds, in hours (30 days).</summary>
    public const int MaxExtensionHours = 720;
}
