// Lazy loader for ECharts (about 1 MB): only fetched when a chart is first shown.
let loading = null;

export function loadEcharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'webjars/echarts/dist/echarts.min.js';
      s.onload = () => (window.echarts ? resolve(window.echarts) : reject(new Error('echarts missing')));
      s.onerror = () => { loading = null; reject(new Error('图表库加载失败 ECharts failed to load')); };
      document.head.append(s);
    });
  }
  return loading;
}
