import type {
  NewsCategory,
  NewsCategoryInput,
  NewsItem,
  NewsItemInput,
  NewsItemListQuery,
  NewsItemUpdate,
  WebLink,
  WebLinkInput,
} from '../../../../shared/portal/news.schema';
import type { Page } from '../../../../shared/paginated';
import { api } from '../../../lib/api';

export const listCategories = () => api.get<NewsCategory[]>('/news/categories');
export const createCategory = (input: NewsCategoryInput) => api.post<NewsCategory>('/news/categories', input);
export const updateCategory = (id: string, input: NewsCategoryInput) =>
  api.put<NewsCategory>(`/news/categories/${id}`, input);

export const listItems = (q: {
  status?: NewsItemListQuery['status'];
  categoryId?: string;
  q?: string;
  page: number;
  pageSize: number;
}) =>
  api.get<Page<NewsItem>>('/news/items', {
    status: q.status,
    categoryId: q.categoryId,
    q: q.q,
    page: q.page,
    pageSize: q.pageSize,
  });
export const getItem = (id: string) => api.get<NewsItem>(`/news/items/${id}`);
export const createItem = (input: NewsItemInput) => api.post<NewsItem>('/news/items', input);
export const updateItem = (id: string, input: NewsItemUpdate) =>
  api.put<NewsItem>(`/news/items/${id}`, input);
export const deleteItem = (id: string, version: number) =>
  api.delete<{ id: string }>(`/news/items/${id}?version=${version}`);

export const listLinks = () => api.get<WebLink[]>('/news/links');
export const createLink = (input: WebLinkInput) => api.post<WebLink>('/news/links', input);
export const updateLink = (id: string, input: WebLinkInput) => api.put<WebLink>(`/news/links/${id}`, input);
export const deleteLink = (id: string) => api.delete<{ id: string }>(`/news/links/${id}`);
