using System.Diagnostics;

namespace DataOps.Glean.Http;

/// <summary>
/// Records each attempt's answer time in <see cref="GleanAttemptTiming"/>. It sits inside the resilience handler, so it
/// runs once per attempt and after the attempt holds its rate-limit permit: what it measures is Glean's answer, without
/// the throttling around it. The resilience library reports attempt durations only with the permit wait included, hence
/// this handler. It reads the real clock, as the exchange it measures runs on the real network.
/// </summary>
internal sealed class GleanAttemptTimingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        GleanAttemptTiming.Current?.Record(started);
        return response;
    }
}
