using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using static DataOps.Tests.Domain.Builders;
using DatasetAggregate = DataOps.Domain.Datasets.Dataset;

namespace DataOps.Tests.Domain.Datasets;

public sealed class DatasetSnapshotTests
{
    [Theory]
    [InlineData(DatasetStatus.Provisioning)]
    [InlineData(DatasetStatus.Validating)]
    [InlineData(DatasetStatus.Ready)]
    [InlineData(DatasetStatus.Failed)]
    [InlineData(DatasetStatus.Teardown)]
    [InlineData(DatasetStatus.Archived)]
    public void Restore_SnapshotOfEachStatus_RoundTrips(DatasetStatus status)
    {
        var original = Dataset().BuildIn(status).ToSnapshot();

        var restored = DatasetAggregate.Restore(original).ToSnapshot();

        Assert.Equal(original, restored);
    }

    [Fact]
    public void SnapshotEquality_FailedChecksFromDifferentLists_ComparedByContent()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);
        dataset.MarkFailed(FailingDecision(), T0.AddHours(1));
        var a = dataset.ToSnapshot();

        var b = a with { FailedChecks = new List<QualityCheckType> { QualityCheckType.Schema } };
        var c = a with { FailedChecks = [QualityCheckType.Completeness] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Restore_Snapshot_HasNoPendingEvents()
        => Assert.Empty(DatasetAggregate.Restore(Dataset().Build().ToSnapshot()).DomainEvents);

    [Fact]
    public void Restore_ThenSameTransition_ProducesSameEventId()
    {
        var stored = Dataset().BuildIn(DatasetStatus.Ready).ToSnapshot();
        var first = DatasetAggregate.Restore(stored);
        var replay = DatasetAggregate.Restore(stored);

        first.StartTeardown(TeardownReason.OrphanCleanup, T0.AddDays(3));
        replay.StartTeardown(TeardownReason.OrphanCleanup, T0.AddDays(3));

        Assert.Equal(first.DomainEvents.Single().EventId, replay.DomainEvents.Single().EventId);
        Assert.Equal(first.DomainEvents.Single(), replay.DomainEvents.Single());
    }

    [Fact]
    public void EventIds_DifferentDatasets_Differ()
    {
        var a = Dataset().WithId("ds-a").Build();
        var b = Dataset().WithId("ds-b").Build();

        Assert.NotEqual(a.DomainEvents.Single().EventId, b.DomainEvents.Single().EventId);
    }

    [Fact]
    public void Restore_ArchivedSnapshot_StaysImmutable()
    {
        var restored = DatasetAggregate.Restore(Dataset().BuildIn(DatasetStatus.Archived).ToSnapshot());

        Assert.Throws<InvalidDatasetTransitionException>(() => restored.RetryProvisioning(T0.AddDays(9)));
        Assert.Equal(DatasetStatus.Archived, restored.Status);
    }

    public static TheoryData<string, Func<DatasetSnapshot, DatasetSnapshot>> Corruptions() => new()
    {
        { "ready without score", s => s with { Status = DatasetStatus.Ready, QualityScore = null } },
        { "ready with failing score", s => s with { Status = DatasetStatus.Ready, QualityScore = FailingDecision().Score, ReadyAt = T0 } },
        { "failed without reason", s => s with { Status = DatasetStatus.Failed, FailedAt = T0, FailureReason = null } },
        { "teardown without reason", s => s with { Status = DatasetStatus.Teardown, TeardownStartedAt = T0 } },
        { "archived without location", s => s with { Status = DatasetStatus.Archived, ArchivedAt = T0, TeardownReason = TeardownReason.Manual } },
        { "unknown status", s => s with { Status = (DatasetStatus)40 } },
        { "attempt zero", s => s with { Attempt = 0 } },
        { "negative sequence", s => s with { EventSequence = -1 } },
        { "negative records", s => s with { RecordCount = -3 } },
        { "negative size", s => s with { SizeBytes = -3 } },
        { "default id", s => s with { Id = default } },
        { "default journey", s => s with { JourneyId = default } },
        { "wrong data source", s => s with { DataSource = DataSource.None } },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Restore_InconsistentSnapshot_Throws(string description, Func<DatasetSnapshot, DatasetSnapshot> corrupt)
    {
        var snapshot = corrupt(Dataset().BuildIn(DatasetStatus.Provisioning).ToSnapshot());

        var ex = Assert.Throws<DomainValidationException>(() => DatasetAggregate.Restore(snapshot));

        Assert.False(string.IsNullOrEmpty(ex.Field), description);
    }
}
