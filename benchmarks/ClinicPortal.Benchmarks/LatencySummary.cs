using System.Globalization;

namespace ClinicPortal.Benchmarks;

/// <summary>Median and 95th percentile of a set of latencies in milliseconds, by the nearest-rank method.</summary>
internal sealed record LatencySummary(int Count, double MedianMs, double P95Ms, double MaxMs)
{
    public static LatencySummary From(IReadOnlyCollection<double> latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencySummary(sorted.Length, NearestRank(sorted, 0.50), NearestRank(sorted, 0.95), sorted[^1]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count}, median {MedianMs:F2} ms, p95 {P95Ms:F2} ms, max {MaxMs:F2} ms");

    private static double NearestRank(double[] sorted, double percentile) =>
        sorted[(int)Math.Ceiling(percentile * sorted.Length) - 1];
}
