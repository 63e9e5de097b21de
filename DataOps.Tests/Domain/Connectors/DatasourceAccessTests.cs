using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;

namespace DataOps.Tests.Domain.Connectors;

public sealed class DatasourceAccessTests
{
    [Theory]
    [InlineData(Stage.Sandbox, true)]
    [InlineData(Stage.Pilot, true)]
    [InlineData(Stage.Production, false)]
    public void IsTestDatasource_SandboxAndPilotOnly(Stage stage, bool expected) =>
        Assert.Equal(expected, DatasourceAccess.IsTestDatasource(stage));

    [Fact]
    public void AudiencesOf_Sandbox_IsTheClientsSeTeam() =>
        Assert.Equal([DatasourceAudience.ClientSeTeam], DatasourceAccess.AudiencesOf(Stage.Sandbox));

    [Fact]
    public void AudiencesOf_Pilot_IsThePilotUsersAndTheSeTeam() =>
        Assert.Equal([DatasourceAudience.ClientPilotUsers, DatasourceAudience.ClientSeTeam], DatasourceAccess.AudiencesOf(Stage.Pilot));

    [Fact]
    public void AudiencesOf_Production_IsNobodyTheProductNames() =>
        Assert.Empty(DatasourceAccess.AudiencesOf(Stage.Production));
}
