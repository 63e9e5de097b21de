using DataOps.Functions.Access;
using DataOps.LocalHost.Hosting;

namespace DataOps.LocalHost;

/// <summary>
/// <c>dev-token</c>: mints a development bearer token for local runs, as <c>dotnet user-jwts create</c> does for ASP.NET
/// Core: <c>dev-token --role Engineer --client acme [--client globex] [--name se@example.com] [--hours 8]</c>, or
/// <c>dev-token --new-key</c> for a signing key to put in <c>DataOps__Auth__DevSigningKey</c>. The key and the audience are
/// read from the same settings as the host (local.settings.json, environment), so the token matches what it accepts.
/// </summary>
internal static class DevTokenCommand
{
    public const string Name = "dev-token";

    private const string Usage = """
        usage: dev-token --role Reader|Engineer|Operator [--role ...] [--client <clientId> ...] [--name <user>] [--hours <1-720>]
               dev-token --new-key
        The signing key comes from DataOps__Auth__DevSigningKey (local.settings.json or the environment).
        """;

    /// <summary>Runs the command; returns the process exit code. The token (or key) is the only line on standard output.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Contains("--new-key"))
        {
            output.WriteLine(DevTokens.NewSigningKey());
            return 0;
        }

        var roles = new List<string>();
        var clients = new List<string>();
        var name = "dev-user@example.com";
        var hours = 8;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null:
                    roles.Add(value.StartsWith("DataOps.", StringComparison.Ordinal) ? value : "DataOps." + value);
                    i++;
                    break;
                case "--client" when value is not null:
                    clients.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    i++;
                    break;
                case "--name" when value is not null:
                    name = value;
                    i++;
                    break;
                case "--hours" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out hours) && hours is >= 1 and <= 720:
                    i++;
                    break;
                default:
                    error.WriteLine($"unknown or incomplete argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        var unknown = roles.Where(r => r is not (AccessRoleNames.Reader or AccessRoleNames.Engineer or AccessRoleNames.Operator)).ToList();
        if (roles.Count == 0 || unknown.Count > 0)
        {
            error.WriteLine(roles.Count == 0 ? "give at least one --role" : $"unknown role {string.Join(", ", unknown)}");
            error.WriteLine(Usage);
            return 2;
        }

        var configuration = DataOpsLocalHost.CreateBuilder(new LocalFunctionsHostOptions()).Configuration;
        var key = configuration[AccessOptions.SectionName + ":DevSigningKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            error.WriteLine("DataOps__Auth__DevSigningKey is not set: run `dev-token --new-key` and put its output in local.settings.json (Values) first.");
            return 1;
        }

        var audience = configuration[AccessOptions.SectionName + ":Audience"] is { Length: > 0 } configured ? configured : AccessOptions.DefaultAudience;
        output.WriteLine(DevTokens.Mint(key, audience, name, roles, clients, TimeSpan.FromHours(hours), DateTimeOffset.UtcNow));
        return 0;
    }
}
