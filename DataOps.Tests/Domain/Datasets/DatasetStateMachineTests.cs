using DataOps.Domain.Datasets;

namespace DataOps.Tests.Domain.Datasets;

public sealed class DatasetStateMachineTests
{
    private static readonly HashSet<(DatasetStatus, DatasetStatus)> Legal =
    [
        (DatasetStatus.Provisioning, DatasetStatus.Validating),
        (DatasetStatus.Provisioning, DatasetStatus.Failed),
        (DatasetStatus.Validating, DatasetStatus.Ready),
        (DatasetStatus.Validating, DatasetStatus.Failed),
        (DatasetStatus.Ready, DatasetStatus.Validating),
        (DatasetStatus.Ready, DatasetStatus.Teardown),
        (DatasetStatus.Failed, DatasetStatus.Provisioning),
        (DatasetStatus.Failed, DatasetStatus.Teardown),
        (DatasetStatus.Teardown, DatasetStatus.Archived),
        (DatasetStatus.Teardown, DatasetStatus.Validating),
    ];

    public static TheoryData<DatasetStatus, DatasetStatus> AllPairs()
    {
        var data = new TheoryData<DatasetStatus, DatasetStatus>();
        foreach (var from in Enum.GetValues<DatasetStatus>())
        {
            foreach (var to in Enum.GetValues<DatasetStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanTransition_EveryPair_MatchesArchitectureTable(DatasetStatus from, DatasetStatus to)
        => Assert.Equal(Legal.Contains((from, to)), DatasetStateMachine.CanTransition(from, to));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void AllowedTargets_EveryPair_AgreesWithCanTransition(DatasetStatus from, DatasetStatus to)
        => Assert.Equal(DatasetStateMachine.CanTransition(from, to), DatasetStateMachine.AllowedTargets(from).Contains(to));

    [Fact]
    public void AllowedTargets_Archived_IsEmpty() => Assert.Empty(DatasetStateMachine.AllowedTargets(DatasetStatus.Archived));

    [Fact]
    public void AllowedTargets_UndefinedStatus_IsEmpty() => Assert.Empty(DatasetStateMachine.AllowedTargets((DatasetStatus)42));

    [Theory]
    [InlineData(DatasetStatus.Provisioning, true)]
    [InlineData(DatasetStatus.Validating, true)]
    [InlineData(DatasetStatus.Ready, true)]
    [InlineData(DatasetStatus.Teardown, true)]
    [InlineData(DatasetStatus.Failed, false)]
    [InlineData(DatasetStatus.Archived, false)]
    public void IsActive_EachStatus_SlotOccupiedWhileInLifecycle(DatasetStatus status, bool expected)
        => Assert.Equal(expected, DatasetStateMachine.IsActive(status));

    [Theory]
    [InlineData(DatasetStatus.Archived, true)]
    [InlineData(DatasetStatus.Failed, false)]
    [InlineData(DatasetStatus.Teardown, false)]
    public void IsFinal_EachStatus_OnlyArchived(DatasetStatus status, bool expected)
        => Assert.Equal(expected, DatasetStateMachine.IsFinal(status));
}
