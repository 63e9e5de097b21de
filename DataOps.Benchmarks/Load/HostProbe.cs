using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using DataOps.Benchmarks.Storage;

namespace DataOps.Benchmarks.Load;

/// <summary>What the probe inside the product host reports: its HTTP requests so far, CPU time and memory.</summary>
internal sealed record HostProbeReport(
    int ProcessId,
    IReadOnlyList<HttpRequestCount> Requests,
    double CpuSeconds,
    long WorkingSetBytes,
    long PeakWorkingSetBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    long? GcHeapAfterFullCollectionBytes,
    long? WorkingSetAfterFullCollectionBytes,
    bool ServerGc);

/// <summary>
/// Runs inside the product host (loaded as a .NET startup hook, see <see cref="ProductHostProcess"/>), so the host
/// is the unmodified product binary: it counts the host's HTTP requests with <see cref="HttpRequestMeter"/> and
/// answers one JSON line on standard output for each command line on standard input: <c>report</c>, or
/// <c>memory</c> (the same after a full, compacting collection).
/// </summary>
internal static class HostProbe
{
    public const string Marker = "@@load-probe ";
    public const string ReportCommand = "report";
    public const string MemoryCommand = "memory";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Start()
    {
        var requests = new HttpRequestMeter();
        var thread = new Thread(() => Serve(requests)) { IsBackground = true, Name = "load probe" };
        thread.Start();
    }

    private static void Serve(HttpRequestMeter requests)
    {
        while (Console.In.ReadLine() is { } command)
        {
            long? heapAfter = null;
            long? workingSetAfter = null;
            using var before = Process.GetCurrentProcess();
            var workingSet = before.WorkingSet64;
            var info = GC.GetGCMemoryInfo();
            if (command.Trim() == MemoryCommand)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                heapAfter = GC.GetGCMemoryInfo().HeapSizeBytes;
                using var after = Process.GetCurrentProcess();
                workingSetAfter = after.WorkingSet64;
            }

            var report = new HostProbeReport(
                Environment.ProcessId, requests.Snapshot(), before.TotalProcessorTime.TotalSeconds, workingSet, before.PeakWorkingSet64,
                info.HeapSizeBytes, info.TotalCommittedBytes, heapAfter, workingSetAfter, GCSettings.IsServerGC);
            Console.Out.WriteLine(Marker + JsonSerializer.Serialize(report, Json));
            Console.Out.Flush();
        }
    }
}
