using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Datasets;

/// <summary>A teardown's grace period: started once, extended later, or cancelled back to validation; never after archiving.</summary>
public sealed class DatasetGracePeriodTests
{
    [Fact]
    public void StartGracePeriod_Twice_KeepsTheFirstEnd()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Teardown);

        dataset.StartGracePeriod(T0.AddDays(1), T0);
        dataset.StartGracePeriod(T0.AddDays(5), T0.AddHours(2));

        Assert.Equal(T0.AddDays(1), dataset.DeleteAfter);
        Assert.Empty(dataset.DomainEvents);
    }

    [Fact]
    public void ExtendGracePeriod_Later_MovesTheEndAndRaisesExtendedOnce()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Teardown);
        dataset.StartGracePeriod(T0.AddDays(1), T0);

        dataset.ExtendGracePeriod(T0.AddDays(3), "client review", T0.AddHours(1));
        dataset.ExtendGracePeriod(T0.AddDays(3), "client review", T0.AddHours(1));

        Assert.Equal(T0.AddDays(3), dataset.DeleteAfter);
        var extended = Assert.IsType<DatasetTeardownExtended>(Assert.Single(dataset.DomainEvents));
        Assert.Equal(T0.AddDays(3), extended.DeleteAfter);
        Assert.Equal("client review", extended.Reason);
    }

    [Fact]
    public void ExtendGracePeriod_Earlier_Throws()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Teardown);
        dataset.StartGracePeriod(T0.AddDays(1), T0);

        Assert.Equal("deleteAfter", Assert.Throws<DomainValidationException>(() => dataset.ExtendGracePeriod(T0.AddHours(2), "oops", T0)).Field);
    }

    [Fact]
    public void ExtendGracePeriod_BeforeTheGracePeriodStarted_Throws()
        => Assert.Throws<InvalidDatasetTransitionException>(() => Dataset().BuildIn(DatasetStatus.Teardown).ExtendGracePeriod(T0.AddDays(2), "why", T0));

    [Theory]
    [InlineData(DatasetStatus.Ready)]
    [InlineData(DatasetStatus.Failed)]
    public void CancelTeardown_InTheGracePeriod_GoesBackToValidatingAndRaisesCancelledOnce(DatasetStatus before)
    {
        var dataset = Dataset().BuildIn(before);
        dataset.StartTeardown(TeardownReason.StageTransition, T0.AddHours(2));
        dataset.StartGracePeriod(T0.AddDays(1), T0.AddHours(2));
        dataset.ClearDomainEvents();

        dataset.CancelTeardown("torn down by mistake", T0.AddHours(3));
        dataset.CancelTeardown("torn down by mistake", T0.AddHours(3));

        Assert.Equal(DatasetStatus.Validating, dataset.Status);
        Assert.Null(dataset.TeardownReason);
        Assert.Null(dataset.TeardownStartedAt);
        Assert.Null(dataset.DeleteAfter);
        Assert.Equal("teardown cancelled: torn down by mistake", dataset.RevalidationReason);
        var cancelled = Assert.IsType<DatasetTeardownCancelled>(Assert.Single(dataset.DomainEvents));
        Assert.Equal("torn down by mistake", cancelled.Reason);
        Assert.True(DatasetStateMachine.IsActive(dataset.Status));
    }

    [Theory]
    [InlineData(DatasetStatus.Ready)]
    [InlineData(DatasetStatus.Archived)]
    [InlineData(DatasetStatus.Provisioning)]
    public void CancelTeardown_OutsideTeardown_Throws(DatasetStatus status)
        => Assert.Throws<InvalidDatasetTransitionException>(() => Dataset().BuildIn(status).CancelTeardown("why", T0));

    [Fact]
    public void CancelTeardown_EmptyReason_Throws()
        => Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => Dataset().BuildIn(DatasetStatus.Teardown).CancelTeardown(" ", T0)).Field);

    [Fact]
    public void NoteChecksUnavailable_Validating_KeepsTheStatusAndSaysWhy()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);

        dataset.NoteChecksUnavailable("the quality checks could not run (Glean 503)", T0.AddHours(1));

        Assert.Equal(DatasetStatus.Validating, dataset.Status);
        Assert.Equal("the quality checks could not run (Glean 503)", dataset.RevalidationReason);
        Assert.Empty(dataset.DomainEvents);
        Assert.Throws<InvalidDatasetTransitionException>(() => Dataset().BuildIn(DatasetStatus.Ready).NoteChecksUnavailable("x", T0));
    }

    [Theory]
    [InlineData(DatasetStatus.Provisioning, true)]
    [InlineData(DatasetStatus.Failed, true)]
    [InlineData(DatasetStatus.Teardown, true)]
    [InlineData(DatasetStatus.Archived, false)]
    public void HoldsConnectorName_UntilArchived(DatasetStatus status, bool holds)
        => Assert.Equal(holds, DatasetStateMachine.HoldsConnectorName(status));
}
