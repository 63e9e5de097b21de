using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Datasets;

public sealed class DatasetLifecycleTests
{
    [Fact]
    public void MarkReady_FirstTime_RaisesReadyThenProvisionCompleted()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Provisioning);
        dataset.RecordPopulation(480, 10_000, T0.AddMinutes(20));
        dataset.StartValidation(T0.AddMinutes(21));
        dataset.ClearDomainEvents();
        var score = ReadyScore(T0.AddMinutes(47));

        dataset.MarkReady(score, T0.AddMinutes(47).AddSeconds(30));

        Assert.Equal(DatasetStatus.Ready, dataset.Status);
        Assert.Equal(score, dataset.QualityScore);
        Assert.Equal(T0.AddMinutes(47).AddSeconds(30), dataset.ReadyAt);
        Assert.Collection(
            dataset.DomainEvents,
            e =>
            {
                var ready = Assert.IsType<DatasetReady>(e);
                Assert.Equal(100, ready.QualityScore);
                Assert.Equal(dataset.JourneyId, ready.JourneyId);
            },
            e =>
            {
                var completed = Assert.IsType<DatasetProvisionCompleted>(e);
                Assert.Equal(480, completed.RecordCount);
                Assert.Equal(47, completed.DurationMinutes);
                Assert.Equal(100, completed.QualityScore);
                Assert.Equal(dataset.ConnectorName, completed.ConnectorName);
            });
        Assert.True(dataset.ProvisionCompleted);
    }

    [Fact]
    public void MarkReady_AfterConnectorRevert_RaisesOnlyReady()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Ready);
        dataset.RevertToValidating("connector unhealthy: error rate 3 %", T0.AddHours(3));
        Assert.Equal("connector unhealthy: error rate 3 %", dataset.RevalidationReason);
        dataset.ClearDomainEvents();

        dataset.MarkReady(ReadyScore(T0.AddHours(4)), T0.AddHours(4));

        Assert.IsType<DatasetReady>(Assert.Single(dataset.DomainEvents));
        Assert.Null(dataset.RevalidationReason);
        Assert.Equal(T0.AddHours(4), dataset.ReadyAt);
    }

    [Fact]
    public void MarkReady_ScoreNotMeetingRule_ThrowsAndKeepsValidating()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);

        var ex = Assert.Throws<DomainException>(() => dataset.MarkReady(FailingDecision().Score, T0.AddHours(1)));

        Assert.Contains("does not meet the READY rule", ex.Message, StringComparison.Ordinal);
        Assert.Equal(DatasetStatus.Validating, dataset.Status);
        Assert.Empty(dataset.DomainEvents);
    }

    [Fact]
    public void MarkFailed_FromProvisioning_RaisesValidationFailedWithoutChecks()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Provisioning);

        dataset.MarkFailed("  Glean refused the datasource (400)  ", [], T0.AddMinutes(2));

        Assert.Equal(DatasetStatus.Failed, dataset.Status);
        Assert.Equal("Glean refused the datasource (400)", dataset.FailureReason);
        Assert.Equal(T0.AddMinutes(2), dataset.FailedAt);
        Assert.False(dataset.IsActive);
        var failed = Assert.IsType<DatasetValidationFailed>(Assert.Single(dataset.DomainEvents));
        Assert.Empty(failed.FailedChecks);
        Assert.Equal("Glean refused the datasource (400)", failed.ErrorMessage);
    }

    [Fact]
    public void MarkFailed_Decision_StoresScoreAndNamesFailedChecks()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);
        var decision = FailingDecision(T0.AddHours(1));

        dataset.MarkFailed(decision, T0.AddHours(1));

        Assert.Equal(decision.Score, dataset.QualityScore);
        Assert.Equal([QualityCheckType.Schema], dataset.FailedChecks);
        var failed = Assert.IsType<DatasetValidationFailed>(Assert.Single(dataset.DomainEvents));
        Assert.Equal([QualityCheckType.Schema], failed.FailedChecks);
        Assert.Contains("schema 90 (threshold 100)", failed.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkFailed_ReadyDecision_Throws()
    {
        var decision = DataOps.Domain.Quality.QualityEvaluation.Decide(PassingChecks(), T0);

        Assert.Throws<DomainException>(() => Dataset().BuildIn(DatasetStatus.Validating).MarkFailed(decision, T0));
    }

    [Fact]
    public void MarkFailed_DecisionWhileProvisioning_Throws()
        => Assert.Throws<InvalidDatasetTransitionException>(() => Dataset().BuildIn(DatasetStatus.Provisioning).MarkFailed(FailingDecision(), T0));

    [Fact]
    public void MarkFailed_SameFailureAgain_NoChange()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);
        dataset.MarkFailed("schema failed", [QualityCheckType.Schema, QualityCheckType.Schema], T0.AddHours(1));
        dataset.ClearDomainEvents();

        dataset.MarkFailed("schema failed", [QualityCheckType.Schema], T0.AddHours(2));

        Assert.Empty(dataset.DomainEvents);
        Assert.Equal(T0.AddHours(1), dataset.FailedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void MarkFailed_EmptyMessage_Throws(string message)
        => Assert.Equal("errorMessage", Assert.Throws<DomainValidationException>(() => Dataset().BuildIn(DatasetStatus.Validating).MarkFailed(message, [], T0)).Field);

    [Fact]
    public void MarkFailed_OverlongMessage_Truncated()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);

        dataset.MarkFailed(new string('x', 5000), [], T0);

        Assert.Equal(2000, dataset.FailureReason!.Length);
    }

    [Fact]
    public void RevertToValidating_EmptyReason_Throws()
        => Assert.Throws<DomainValidationException>(() => Dataset().BuildIn(DatasetStatus.Ready).RevertToValidating(" ", T0));

    [Fact]
    public void RevertToValidating_FromReady_RaisesValidationStartedWithTheReason_AndKeepsLastScore()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Ready);
        var score = dataset.QualityScore;
        dataset.ClearDomainEvents();

        dataset.RevertToValidating("connector unhealthy", T0.AddHours(2));
        dataset.RevertToValidating("connector unhealthy", T0.AddHours(3));

        Assert.Equal(DatasetStatus.Validating, dataset.Status);
        Assert.Same(score, dataset.QualityScore);
        var started = Assert.IsType<DatasetValidationStarted>(Assert.Single(dataset.DomainEvents));
        Assert.Equal(("ready", "connector unhealthy", T0.AddHours(2)), (started.FromStatus, started.Reason, started.OccurredAt));
    }

    [Fact]
    public void StartValidation_FromProvisioning_RaisesValidationStartedOnce()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Provisioning);
        dataset.ClearDomainEvents();

        dataset.StartValidation(T0.AddMinutes(5));
        dataset.StartValidation(T0.AddMinutes(6));

        var started = Assert.IsType<DatasetValidationStarted>(Assert.Single(dataset.DomainEvents));
        Assert.Equal("provisioning", started.FromStatus);
    }

    [Fact]
    public void RetryProvisioning_FromFailed_NewAttemptWithFreshState()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);
        dataset.MarkFailed(FailingDecision(T0.AddHours(1)), T0.AddHours(1));
        dataset.ClearDomainEvents();

        dataset.RetryProvisioning(T0.AddHours(2));

        Assert.Equal(DatasetStatus.Provisioning, dataset.Status);
        Assert.Equal(2, dataset.Attempt);
        Assert.Equal(T0.AddHours(2), dataset.ProvisioningStartedAt);
        Assert.Null(dataset.FailureReason);
        Assert.Null(dataset.FailedAt);
        Assert.Null(dataset.QualityScore);
        Assert.Empty(dataset.FailedChecks);
        Assert.Equal(0, dataset.RecordCount);
        var started = Assert.IsType<DatasetProvisioningStarted>(Assert.Single(dataset.DomainEvents));
        Assert.Equal(2, started.Attempt);
        Assert.NotEqual(DomainEventIds.Derive("ds-1", nameof(DatasetProvisioningStarted), 0), started.EventId);
    }

    [Fact]
    public void RetryProvisioning_ThenReady_RaisesProvisionCompletedAgain()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Failed);
        dataset.RetryProvisioning(T0.AddHours(1));
        dataset.StartValidation(T0.AddHours(1).AddMinutes(10));
        dataset.ClearDomainEvents();

        dataset.MarkReady(ReadyScore(), T0.AddHours(1).AddMinutes(30));

        Assert.Equal(30, dataset.DomainEvents.OfType<DatasetProvisionCompleted>().Single().DurationMinutes);
    }

    [Theory]
    [InlineData(DatasetStatus.Ready)]
    [InlineData(DatasetStatus.Failed)]
    public void StartTeardown_FromReadyOrFailed_RaisesTeardownStarted(DatasetStatus from)
    {
        var dataset = Dataset().BuildIn(from);

        dataset.StartTeardown(TeardownReason.JourneyCompleted, T0.AddDays(1));

        Assert.Equal(DatasetStatus.Teardown, dataset.Status);
        Assert.Equal(TeardownReason.JourneyCompleted, dataset.TeardownReason);
        Assert.Equal(T0.AddDays(1), dataset.TeardownStartedAt);
        var started = Assert.IsType<DatasetTeardownStarted>(Assert.Single(dataset.DomainEvents));
        Assert.Equal(TeardownReason.JourneyCompleted, started.Reason);
    }

    [Fact]
    public void StartTeardown_AlreadyInTeardown_KeepsFirstReasonAndRaisesNothing()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Teardown);

        dataset.StartTeardown(TeardownReason.Manual, T0.AddDays(3));

        Assert.Equal(TeardownReason.StageTransition, dataset.TeardownReason);
        Assert.Equal(T0.AddHours(1), dataset.TeardownStartedAt);
        Assert.Empty(dataset.DomainEvents);
    }

    [Fact]
    public void StartTeardown_UndefinedReason_Throws()
        => Assert.Throws<DomainValidationException>(() => Dataset().BuildIn(DatasetStatus.Ready).StartTeardown((TeardownReason)9, T0));

    [Fact]
    public void Archive_FromTeardown_RaisesArchivedAndBecomesFinal()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Teardown);

        dataset.Archive("dataset-archives/client-1/sandbox/confluence_pages/ds-1/", 987_654, T0.AddDays(2));

        Assert.Equal(DatasetStatus.Archived, dataset.Status);
        Assert.Equal(T0.AddDays(2), dataset.ArchivedAt);
        Assert.Equal(987_654, dataset.SizeBytes);
        Assert.False(dataset.IsActive);
        var archived = Assert.IsType<DatasetArchived>(Assert.Single(dataset.DomainEvents));
        Assert.Equal("dataset-archives/client-1/sandbox/confluence_pages/ds-1/", archived.ArchiveLocation);
        Assert.Equal(987_654, archived.OriginalSizeBytes);
    }

    [Theory]
    [InlineData("", "archiveLocation")]
    [InlineData("a\u0007b", "archiveLocation")]
    public void Archive_BadLocation_Throws(string location, string field)
        => Assert.Equal(field, Assert.Throws<DomainValidationException>(() => Dataset().BuildIn(DatasetStatus.Teardown).Archive(location, 1, T0)).Field);

    [Fact]
    public void Archive_NegativeSize_Throws()
        => Assert.Throws<DomainValidationException>(() => Dataset().BuildIn(DatasetStatus.Teardown).Archive("x/", -1, T0));

    [Fact]
    public void Archived_SameArchiveAgain_StillThrows()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Archived);

        Assert.Throws<InvalidDatasetTransitionException>(() => dataset.Archive(dataset.ArchiveLocation!, dataset.SizeBytes, dataset.ArchivedAt!.Value));
        Assert.Throws<InvalidDatasetTransitionException>(() => dataset.StartTeardown(TeardownReason.StageTransition, T0));
    }

    [Fact]
    public void FullLifecycle_EventsInOrderWithSequentialDistinctIds()
    {
        var dataset = Dataset().Build();
        dataset.RecordPopulation(500, 1000, T0.AddMinutes(1));
        dataset.StartValidation(T0.AddMinutes(2));
        dataset.MarkReady(ReadyScore(), T0.AddMinutes(3));
        dataset.StartTeardown(TeardownReason.StageTransition, T0.AddDays(1));
        dataset.Archive("a/", 1000, T0.AddDays(2));

        Assert.Equal(
            ["DatasetProvisioningStarted", "DatasetValidationStarted", "DatasetReady", "DatasetProvisionCompleted", "DatasetTeardownStarted", "DatasetArchived"],
            dataset.DomainEvents.Select(e => e.EventType));
        Assert.Equal(6, dataset.DomainEvents.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(6, dataset.EventSequence);
    }

    [Fact]
    public void ClearDomainEvents_AfterEvents_Empties()
    {
        var dataset = Dataset().Build();

        dataset.ClearDomainEvents();

        Assert.Empty(dataset.DomainEvents);
        Assert.Equal(1, dataset.EventSequence);
    }

    [Fact]
    public void DomainEvents_Exposed_CannotBeMutatedByCaller()
        => Assert.False(Dataset().Build().DomainEvents is List<IDomainEvent>);
}
