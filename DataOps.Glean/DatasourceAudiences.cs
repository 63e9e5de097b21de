using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using Microsoft.Extensions.Options;

namespace DataOps.Glean;

/// <summary>
/// The beta users of a test datasource, by the stage rules of <see cref="DatasourceAccess"/>: the validation user first
/// (the sample queries search as it), then <c>Glean:BetaUsers</c>, then the client's people the stage names
/// (<c>Glean:Clients:{clientId}</c>). Production datasources get none: they are not test datasources.
/// </summary>
internal sealed class DatasourceAudiences(IOptionsMonitor<GleanOptions> options)
{
    public IReadOnlyList<string> BetaUsersFor(Stage stage, string? clientId)
    {
        if (!DatasourceAccess.IsTestDatasource(stage))
        {
            return [];
        }

        var current = options.CurrentValue;
        var client = clientId is null ? null : current.Clients.FirstOrDefault(c => string.Equals(c.Key, clientId, StringComparison.OrdinalIgnoreCase)).Value;
        var users = new List<string>();
        users.AddRange(Split(current.ValidationUser));
        users.AddRange(Split(current.BetaUsers));
        foreach (var audience in DatasourceAccess.AudiencesOf(stage))
        {
            users.AddRange(Split(audience switch
            {
                DatasourceAudience.ClientSeTeam => client?.SeTeam,
                DatasourceAudience.ClientPilotUsers => client?.PilotUsers,
                _ => null,
            }));
        }

        return users.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string[] Split(string? emails) =>
        (emails ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
