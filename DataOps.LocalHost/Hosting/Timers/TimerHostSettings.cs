using System.Text.RegularExpressions;

namespace DataOps.LocalHost.Hosting.Timers;

/// <summary>
/// Host-wide timer settings: the host id that scopes locks and schedule status (configuration
/// <c>AzureFunctionsWebHost:hostid</c>, default the application name; hosts of one app must share it) and the
/// time zone schedules are evaluated in (<c>WEBSITE_TIME_ZONE</c>, an IANA or Windows id, default UTC).
/// </summary>
internal sealed partial class TimerHostSettings
{
    public const string ContainerName = "azure-webjobs-hosts";

    public TimerHostSettings(IConfiguration configuration, IHostEnvironment environment)
    {
        var id = configuration["AzureFunctionsWebHost:hostid"] ?? environment.ApplicationName;
        HostId = NotAllowed().Replace(id.ToLowerInvariant(), "-").Trim('-');
        var zone = configuration["WEBSITE_TIME_ZONE"];
        try
        {
            TimeZone = string.IsNullOrWhiteSpace(zone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException($"WEBSITE_TIME_ZONE '{zone}' is not a known time zone.", ex);
        }
    }

    public string HostId { get; }

    public TimeZoneInfo TimeZone { get; }

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotAllowed();
}
