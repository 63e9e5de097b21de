using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Registry;

public sealed class TeardownSafetyTests
{
    private static readonly JourneyId Journey = JourneyId.Create("journey-1");
    private static readonly JourneyState ActiveInSandbox = new(Journey, Stage.Sandbox, false);

    [Theory]
    [InlineData(TeardownReason.StageTransition, false)]
    [InlineData(TeardownReason.JourneyCompleted, false)]
    [InlineData(TeardownReason.OrphanCleanup, false)]
    [InlineData(TeardownReason.Manual, false)]
    [InlineData(TeardownReason.StageTransition, true)]
    [InlineData(TeardownReason.OrphanCleanup, true)]
    public void Check_JourneyActiveInOwnStage_RefusedUnlessForcedManual(TeardownReason reason, bool force)
    {
        var check = TeardownSafety.Check(Dataset().BuildIn(DatasetStatus.Ready), ActiveInSandbox, reason, force);

        Assert.False(check.Allowed);
        Assert.Contains("journey journey-1 is active in sandbox", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ManualWithForce_AllowedWhileActive()
    {
        var check = TeardownSafety.Check(Dataset().BuildIn(DatasetStatus.Ready), ActiveInSandbox, TeardownReason.Manual, force: true);

        Assert.True(check.Allowed);
        Assert.Contains("forced manual teardown", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Stage.Pilot, false)]
    [InlineData(Stage.Sandbox, true)]
    public void Check_JourneyLeftStageOrCompleted_Allowed(Stage current, bool completed)
        => Assert.True(TeardownSafety.Check(Dataset().BuildIn(DatasetStatus.Ready), new JourneyState(Journey, current, completed), TeardownReason.StageTransition, false).Allowed);

    [Fact]
    public void Check_UnknownJourney_Allowed()
        => Assert.True(TeardownSafety.Check(Dataset().BuildIn(DatasetStatus.Failed), null, TeardownReason.OrphanCleanup, false).Allowed);

    [Theory]
    [InlineData(DatasetStatus.Provisioning, false)]
    [InlineData(DatasetStatus.Validating, false)]
    [InlineData(DatasetStatus.Ready, true)]
    [InlineData(DatasetStatus.Failed, true)]
    [InlineData(DatasetStatus.Teardown, true)]
    [InlineData(DatasetStatus.Archived, false)]
    public void Check_EachStatusJourneyGone_OnlyTeardownableStatuses(DatasetStatus status, bool expected)
        => Assert.Equal(expected, TeardownSafety.Check(Dataset().BuildIn(status), new JourneyState(Journey, Stage.Pilot, false), TeardownReason.StageTransition, false).Allowed);

    [Fact]
    public void Check_Archived_RefusedEvenWhenForced()
        => Assert.Contains("already archived", TeardownSafety.Check(Dataset().BuildIn(DatasetStatus.Archived), null, TeardownReason.Manual, true).Reason, StringComparison.Ordinal);

    [Fact]
    public void Check_JourneyOfAnotherDataset_Throws()
        => Assert.Throws<ArgumentException>(() => TeardownSafety.Check(Dataset().Build(), new JourneyState(JourneyId.Create("x"), Stage.Sandbox, false), TeardownReason.Manual, false));

    [Fact]
    public void EnsureAllowed_Refused_ThrowsWithReason()
    {
        var ex = Assert.Throws<RegistryInvariantException>(() => TeardownSafety.EnsureAllowed(Dataset().BuildIn(DatasetStatus.Ready), ActiveInSandbox, TeardownReason.StageTransition, false));

        Assert.Contains("only a manual teardown with force may proceed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureAllowed_Allowed_DoesNotThrow()
        => TeardownSafety.EnsureAllowed(Dataset().BuildIn(DatasetStatus.Ready), null, TeardownReason.JourneyCompleted, false);
}
