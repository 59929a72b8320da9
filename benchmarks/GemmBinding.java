import java.lang.management.ManagementFactory;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Compares the two ways to call the bundled OpenBLAS from Java on one of gd-mlp's products (500 x 128 x 128):
 * netlib's JNI binding on Java arrays (what gfgd uses), JavaCPP's cblas_dgemm on Java arrays (copied in and
 * out), and JavaCPP's cblas_dgemm on off-heap DoublePointers (no copies). Thread CPU time, 3 rounds.
 * Run: java -cp target/gfgd.jar benchmarks/GemmBinding.java
 */
public class GemmBinding {
    public static void main(String[] args) {
        var d = gfgd.numeric.DoubleArithmetic.INSTANCE;
        System.out.println(d.blasDescription());
        var blas = d.blas();
        int m = 500, k = 128, n = 128, reps = 400;
        double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = r.nextDouble();
        DoublePointer pa = new DoublePointer(a), pb = new DoublePointer(b), pc = new DoublePointer(c);
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) blas.dgemm("N", "N", n, m, k, 1.0, b, n, a, k, 0.0, c, n);
            long t1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasColMajor, openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans, n, m, k, 1.0, b, n, a, k, 0.0, c, n);
            long t2 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasColMajor, openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans, n, m, k, 1.0, pb, n, pa, k, 0.0, pc, n);
            long t3 = mx.getCurrentThreadCpuTime();
            System.out.printf("CPU us per 500x128x128 dgemm: netlib JNI on double[] %.1f, JavaCPP double[] %.1f, JavaCPP DoublePointer (no copy) %.1f%n",
                (t1 - t0) / 1e3 / reps, (t2 - t1) / 1e3 / reps, (t3 - t2) / 1e3 / reps);
        }
    }
}
