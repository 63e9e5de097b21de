using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Registry;

public sealed class OrphanRuleTests
{
    private static readonly JourneyId Journey = JourneyId.Create("journey-1");
    private static readonly DateTimeOffset OldEnough = T0.AddHours(25);

    [Fact]
    public void Assess_JourneyCompleted_Orphan()
    {
        var check = OrphanRule.Assess(Dataset().BuildIn(DatasetStatus.Ready), new JourneyState(Journey, Stage.Sandbox, true), OldEnough);

        Assert.True(check.Allowed);
        Assert.Equal("journey journey-1 is completed", check.Reason);
    }

    [Fact]
    public void Assess_JourneyUnknown_Orphan()
        => Assert.Equal("journey journey-1 is unknown", OrphanRule.Assess(Dataset().BuildIn(DatasetStatus.Ready), null, OldEnough).Reason);

    [Fact]
    public void Assess_JourneyMovedToAnotherStage_Orphan()
    {
        var check = OrphanRule.Assess(Dataset().BuildIn(DatasetStatus.Ready), new JourneyState(Journey, Stage.Pilot, false), OldEnough);

        Assert.True(check.Allowed);
        Assert.Equal("journey journey-1 moved to pilot", check.Reason);
    }

    [Fact]
    public void Assess_JourneyActiveInSameStage_NotOrphan()
    {
        var check = OrphanRule.Assess(Dataset().BuildIn(DatasetStatus.Ready), new JourneyState(Journey, Stage.Sandbox, false), T0.AddDays(30));

        Assert.False(check.Allowed);
        Assert.Contains("active in sandbox", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(23.99, false)]
    [InlineData(24, true)]
    [InlineData(100, true)]
    public void Assess_AgeAroundDefaultMinimum_OnlyOldEnoughIsOrphan(double hours, bool expected)
        => Assert.Equal(expected, OrphanRule.Assess(Dataset().BuildIn(DatasetStatus.Ready), null, T0.AddHours(hours)).Allowed);

    [Fact]
    public void Assess_TooYoung_ReasonSaysSo()
        => Assert.Contains("only 2 h old (minimum 24 h)", OrphanRule.Assess(Dataset().BuildIn(DatasetStatus.Ready), null, T0.AddHours(2)).Reason, StringComparison.Ordinal);

    [Fact]
    public void Assess_CustomMinimumAge_Applied()
        => Assert.True(OrphanRule.Assess(Dataset().BuildIn(DatasetStatus.Ready), null, T0.AddMinutes(10), TimeSpan.FromMinutes(5)).Allowed);

    [Fact]
    public void Assess_NegativeMinimumAge_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => OrphanRule.Assess(Dataset().Build(), null, T0, TimeSpan.FromHours(-1)));

    [Theory]
    [InlineData(DatasetStatus.Provisioning, true)]
    [InlineData(DatasetStatus.Validating, true)]
    [InlineData(DatasetStatus.Ready, true)]
    [InlineData(DatasetStatus.Failed, true)]
    [InlineData(DatasetStatus.Teardown, true)]
    [InlineData(DatasetStatus.Archived, false)]
    public void Assess_EachStatusWithCompletedJourney_AllButArchived(DatasetStatus status, bool expected)
        => Assert.Equal(expected, OrphanRule.Assess(Dataset().BuildIn(status), new JourneyState(Journey, Stage.Sandbox, true), T0.AddDays(5)).Allowed);

    [Fact]
    public void Assess_JourneyOfAnotherDataset_Throws()
        => Assert.Throws<ArgumentException>(() => OrphanRule.Assess(Dataset().Build(), new JourneyState(JourneyId.Create("other"), Stage.Sandbox, true), OldEnough));

    [Fact]
    public void FindOrphans_MixedEstate_ReturnsOnlyOrphansInOrder()
    {
        var active = Dataset().WithId("active").ForJourney("j-active").BuildIn(DatasetStatus.Ready);
        var completed = Dataset().WithId("completed").ForJourney("j-done").OfType(DatasetType.JiraIssues).BuildIn(DatasetStatus.Ready);
        var unknown = Dataset().WithId("unknown").ForJourney("j-lost").OfType(DatasetType.SlackMessages).BuildIn(DatasetStatus.Failed);
        var archived = Dataset().WithId("archived").ForJourney("j-done").OfType(DatasetType.GithubRepos).BuildIn(DatasetStatus.Archived);
        var journeys = new Dictionary<JourneyId, JourneyState>
        {
            [JourneyId.Create("j-active")] = new(JourneyId.Create("j-active"), Stage.Sandbox, false),
            [JourneyId.Create("j-done")] = new(JourneyId.Create("j-done"), Stage.Pilot, true),
        };

        var orphans = OrphanRule.FindOrphans([active, completed, unknown, archived], journeys, OldEnough);

        Assert.Equal(["completed", "unknown"], orphans.Select(o => o.Dataset.Id.Value));
        Assert.Equal("journey j-lost is unknown", orphans[1].Reason);
    }
}
