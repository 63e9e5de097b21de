using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Connectors;

public sealed class ConnectorScheduleTests
{
    [Theory]
    [InlineData(Stage.Sandbox, ConnectorSyncMode.Manual, null)]
    [InlineData(Stage.Pilot, ConnectorSyncMode.Resync, 60)]
    [InlineData(Stage.Production, ConnectorSyncMode.Probe, 15)]
    public void For_EachStage_IsTheSeedsSchedule(Stage stage, ConnectorSyncMode mode, int? minutes)
    {
        var schedule = ConnectorSchedule.For(stage);

        Assert.Equal(mode, schedule.Mode);
        Assert.Equal(minutes is { } m ? TimeSpan.FromMinutes(m) : null, schedule.Interval);
        Assert.Equal(minutes is not null, schedule.IsAutomatic);
    }

    [Fact]
    public void For_UnknownStage_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ConnectorSchedule.For((Stage)9));

    [Fact]
    public void NextDueAt_NoSyncYet_IsAnIntervalAfterTheConnectorWasFilled()
        => Assert.Equal(T0.AddHours(1), ConnectorSchedule.For(Stage.Pilot).NextDueAt(null, T0));

    [Fact]
    public void NextDueAt_AfterASync_IsAnIntervalAfterIt()
        => Assert.Equal(T0.AddMinutes(50), ConnectorSchedule.For(Stage.Production).NextDueAt(T0.AddMinutes(35), T0));

    [Fact]
    public void NextDueAt_Manual_IsNever()
        => Assert.Null(ConnectorSchedule.For(Stage.Sandbox).NextDueAt(T0, T0));

    [Theory]
    [InlineData(Stage.Pilot, 59, false)]
    [InlineData(Stage.Pilot, 60, true)]
    [InlineData(Stage.Production, 14, false)]
    [InlineData(Stage.Production, 15, true)]
    [InlineData(Stage.Sandbox, 100_000, false)]
    public void IsDue_MinutesAfterTheLastSync_DueOnceTheIntervalHasPassed(Stage stage, int minutes, bool due)
        => Assert.Equal(due, ConnectorSchedule.For(stage).IsDue(T0, T0.AddDays(-3), T0.AddMinutes(minutes)));

    [Fact]
    public void IsDue_NoSyncYet_CountsFromWhenTheConnectorWasFilled()
    {
        var pilot = ConnectorSchedule.For(Stage.Pilot);

        Assert.False(pilot.IsDue(null, T0, T0.AddMinutes(30)));
        Assert.True(pilot.IsDue(null, T0, T0.AddMinutes(61)));
    }

    [Theory]
    [InlineData(ConnectorSyncMode.Manual, "manual")]
    [InlineData(ConnectorSyncMode.Resync, "resync")]
    [InlineData(ConnectorSyncMode.Probe, "probe")]
    public void Mode_WireName_IsSnakeCase(ConnectorSyncMode mode, string wire)
    {
        Assert.Equal(wire, mode.ToWireName());
        Assert.Equal($"\"{wire}\"", System.Text.Json.JsonSerializer.Serialize(mode));
    }
}
