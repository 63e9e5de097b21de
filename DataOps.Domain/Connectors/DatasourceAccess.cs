using DataOps.Domain.Datasets;

namespace DataOps.Domain.Connectors;

/// <summary>
/// Who sees a stage's Glean datasource (ARCH-004 AccessControl). Sandbox and pilot datasources are test datasources,
/// seen only by their beta users: the product's validation user, which searches them to validate the dataset, and the
/// people the stage names (sandbox: the client's SE team; pilot: its pilot users and SE team). Production is the client's
/// own datasource, seen by its users through Glean's permissions, so the product names nobody there. Disconnecting a
/// test datasource removes every beta user: nobody sees it.
/// </summary>
public static class DatasourceAccess
{
    /// <summary>Whether the stage's datasource is a Glean test datasource (seen only by its beta users).</summary>
    public static bool IsTestDatasource(Stage stage) => stage != Stage.Production;

    /// <summary>The client's people who see the stage's test datasource, beside the validation user; none for production.</summary>
    public static IReadOnlyList<DatasourceAudience> AudiencesOf(Stage stage) => stage switch
    {
        Stage.Sandbox => [DatasourceAudience.ClientSeTeam],
        Stage.Pilot => [DatasourceAudience.ClientPilotUsers, DatasourceAudience.ClientSeTeam],
        Stage.Production => [],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown stage"),
    };
}
