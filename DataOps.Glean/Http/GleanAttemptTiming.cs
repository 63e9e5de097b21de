using System.Diagnostics;

namespace DataOps.Glean.Http;

/// <summary>
/// How long Glean itself took to answer the last attempt of a call, as opposed to the whole call: the whole call also
/// holds the wait for a client-side rate-limit permit and the back-off between retried attempts (429 Retry-After, 5xx),
/// which are throttling, not Glean's answer time. A caller opens a scope with <see cref="Begin"/>; a handler inside the
/// resilience handler records each attempt from the moment it holds its permit to the response.
/// </summary>
internal sealed class GleanAttemptTiming : IDisposable
{
    private static readonly AsyncLocal<GleanAttemptTiming?> s_current = new();
    private readonly GleanAttemptTiming? _previous;

    private GleanAttemptTiming(GleanAttemptTiming? previous) => _previous = previous;

    /// <summary>Duration of the last attempt that got a response; null when none did.</summary>
    public TimeSpan? LastAttempt { get; private set; }

    /// <summary>Attempts made in this scope.</summary>
    public int Attempts { get; private set; }

    internal static GleanAttemptTiming? Current => s_current.Value;

    /// <summary>Starts recording the attempts of the calls made in the current asynchronous flow.</summary>
    public static GleanAttemptTiming Begin()
    {
        var timing = new GleanAttemptTiming(s_current.Value);
        s_current.Value = timing;
        return timing;
    }

    internal void Record(long startTimestamp)
    {
        Attempts++;
        LastAttempt = Stopwatch.GetElapsedTime(startTimestamp);
    }

    /// <inheritdoc />
    public void Dispose() => s_current.Value = _previous;
}
